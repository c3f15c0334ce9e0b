# Weekdays: 1 is Monday.
Monday | weekday=1
Tuesday | weekday=2
Wednesday | weekday=3
Thursday | weekday=4
Friday | weekday=5
Saturday | weekday=6
Sunday | weekday=7
