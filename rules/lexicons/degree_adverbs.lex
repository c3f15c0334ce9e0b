# Adverbs between a change verb and its figure ("turnover fell slightly to
# 38 billion marks").
slightly
sharply
marginally
steadily
substantially
significantly
modestly
strongly
