# Words that bring in the person someone takes over from ("to succeed X",
# "replacing X"): a skip over an apposition ("Jo Park, 51, ...,") must not
# cross one, or it would take that person's clause for the first one's.
succeed
succeeds
succeeded
succeeding
replace
replaces
replaced
replacing
