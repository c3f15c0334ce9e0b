# Words left out of a company's initials when an acronym is matched against
# its full name ("ICI" is Imperial Chemical Industries PLC; "BofA" aside,
# "Bank of America" gives "ba"). Matching ignores case.
of
and
&
the
de
for
