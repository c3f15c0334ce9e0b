# Words that may open a name or a period without being part of it: "the
# fourth quarter" is the period "fourth quarter"; "The Acme" is "Acme".
the
a
an
