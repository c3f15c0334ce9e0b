# Tokens that separate the items of a list in an argument.
,
;
and
or
as well as
along with
plus
