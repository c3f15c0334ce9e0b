# Reporting periods, kept as written ("fourth quarter").
quarter
quarters
first quarter
second quarter
third quarter
fourth quarter
1st qtr => first quarter
2nd qtr => second quarter
3rd qtr => third quarter
4th qtr => fourth quarter
first half
second half
fiscal year
year
half
months
six months
nine months
qtr => quarter
