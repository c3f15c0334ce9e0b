# Known organizations (and, with type=PERSON, persons) with the one name
# they get in every article. Each entry is recognized as a mention, and any
# entity whose name matches an entry or its canonical form, ignoring case,
# punctuation, a leading "the" and (for organizations) the legal suffix, is
# named with the canonical form after "=>" (or the entry as written). The
# canonical form also fixes the IRI.
#
# Add a line here when a batch's merged graph names one IRI two ways
# (kgcheck: "schema:name: More than 1 values"; README, "Merging many
# articles").
@entity ORGANIZATION
Freeport-McMoRan Resource Partners L.P.
Williams Natural Gas Co.
