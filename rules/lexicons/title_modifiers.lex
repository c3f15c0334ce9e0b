# Words before a title that change the membership's status or are part of it.
acting | status=acting
interim | status=acting
former | status=former
outgoing | status=departing
incoming | status=appointed
new | status=appointed
newly appointed | status=appointed
