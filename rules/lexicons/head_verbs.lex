# Verbs and phrases that say someone leads an organization; the role they
# imply is the canonical form.
ran => Head | status=former
runs => Head | status=current
run => Head
running => Head
heads => Head | status=current
headed => Head | status=former
heading => Head
head => Head
leads => Head | status=current
led => Head | status=former
leading => Head
lead => Head
in charge of => Head
in charge => Head
oversees => Head | status=current
oversaw => Head | status=former
overseeing => Head
oversee => Head
manages => Head | status=current
managed => Head | status=former
