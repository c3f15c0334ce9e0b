# Verbs of a metric standing at a level: "customers reached 1.3 million".
reached
reaching
reaches
hit
hits
totaled
totalled
totaling
totals
stood at
stands at
was
were
of
amounted to
came to
exceeded
topped
