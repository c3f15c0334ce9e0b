# Metric words whose figure "a share" is earnings per share ("earnings rose
# nine pct, to 3.42 dlrs a share").
earnings
net earnings
profit
profits
net profit
income
net income
