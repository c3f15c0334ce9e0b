# Percent signs and words: the amount before them is a percentage (P1).
% => percent | percent=yes
percent | percent=yes
per cent => percent | percent=yes
pct => percent | percent=yes
percentage points => percentage points | percent=yes
