# Words that refer back to a person or an organization named earlier; they
# are resolved to the latest one before them, or with refers=subject to the
# latest organization that a sentence began with (the company the article is
# about, rather than the one named last). An organization's pronoun with no
# organization before it in its sentence ("The maker said it acquired ...")
# is resolved as refers=subject is.
he | type=PERSON pronoun=yes
she | type=PERSON pronoun=yes
his | type=PERSON pronoun=yes
her | type=PERSON pronoun=yes
him | type=PERSON pronoun=yes
it | type=ORGANIZATION pronoun=yes
its | type=ORGANIZATION pronoun=yes
the company | type=ORGANIZATION pronoun=yes refers=subject
the group | type=ORGANIZATION pronoun=yes refers=subject
the firm | type=ORGANIZATION pronoun=yes refers=subject
the bank | type=ORGANIZATION pronoun=yes refers=subject
the corporation | type=ORGANIZATION pronoun=yes refers=subject
