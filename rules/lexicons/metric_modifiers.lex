# Words that may stand before a metric noun and belong to its name.
paying
active
monthly
daily
annual
quarterly
total
net
gross
operating
core
adjusted
international
domestic
overseas
online
retail
