# Words that give a figure's direction after it ("sales of 343 billion yen,
# down 6.3 pct"): sign= is the direction.
down | sign=-
off | sign=-
lower | sign=-
up | sign=+
higher | sign=+
