# Number words with their value; min=/max= give ranges ("triple-digit").
a | value=1
one | value=1
two | value=2
three | value=3
four | value=4
five | value=5
six | value=6
seven | value=7
eight | value=8
nine | value=9
ten | value=10
eleven | value=11
twelve | value=12
thirteen | value=13
fourteen | value=14
fifteen | value=15
sixteen | value=16
seventeen | value=17
eighteen | value=18
nineteen | value=19
twenty | value=20
thirty | value=30
forty | value=40
fifty | value=50
sixty | value=60
seventy | value=70
eighty | value=80
ninety | value=90
a dozen | value=12
dozen | value=12
half | value=0.5
one-half | value=0.5
a quarter | value=0.25
one-third | value=0.333333
two-thirds | value=0.666667
single-digit | min=1 max=9 percent=yes unit=percent
double-digit | min=10 max=99 percent=yes unit=percent
triple-digit | min=100 max=999 percent=yes unit=percent
