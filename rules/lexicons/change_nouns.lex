# Nouns of a metric moving: "a 19 pct drop in earnings".
rise | sign=+
increase | sign=+
gain | sign=+
jump | sign=+
growth | sign=+
improvement | sign=+
drop | sign=-
decline | sign=-
fall | sign=-
decrease | sign=-
reduction | sign=-
slide | sign=-
