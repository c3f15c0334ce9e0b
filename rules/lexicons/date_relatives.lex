# Words of relative dates: relative= steps from the publication date in
# unit=s (year, month, week, day).
last year | relative=-1 unit=year
this year | relative=0 unit=year
next year | relative=1 unit=year
a year ago | relative=-1 unit=year
a year earlier | relative=-1 unit=year
last month | relative=-1 unit=month
this month | relative=0 unit=month
next month | relative=1 unit=month
yesterday | relative=-1 unit=day
today | relative=0 unit=day
tomorrow | relative=1 unit=day
