# Words that move a weekday or a month back or forth ("last Monday").
last | relative=-1
this | relative=0
next | relative=1
