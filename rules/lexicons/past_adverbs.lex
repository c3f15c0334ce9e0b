# Adverbs that put a role in the past.
previously | status=former
formerly | status=former
once | status=former
earlier | status=former
until recently | status=former
