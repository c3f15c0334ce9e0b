# Metric nouns. The canonical form is the metric's name ("variableMeasured");
# unit= is the unit text for counts that have no other unit; per_share= is
# the metric of a figure "a share" of it ("a loss of two cts a share" is a
# loss per share).
revenue
revenues => revenue
revs => revenue
sales => revenue
same-store sales
comparable store sales => same-store sales
comparable-store sales => same-store sales
company-owned store sales
company-owned stores sales => company-owned store sales
accumulated deficit
net sales => revenue
turnover => revenue
net income | per_share="earnings per share"
net => net income | per_share="earnings per share"
income => net income | per_share="earnings per share"
other income
interest income
net interest income
net profit => net income | per_share="earnings per share"
profit => net income | per_share="earnings per share"
profits => net income | per_share="earnings per share"
pre-tax profit
pretax profit => pre-tax profit
pre-tax profits => pre-tax profit
pretax profits => pre-tax profit
operating profit | per_share="operating earnings per share"
operating income | per_share="operating earnings per share"
earnings => net income | per_share="earnings per share"
net earnings => net income | per_share="earnings per share"
net loss | per_share="loss per share"
loss | per_share="loss per share"
losses => loss | per_share="loss per share"
operating loss | per_share="operating loss per share"
income from continuing operations
earnings from continuing operations => income from continuing operations
profit from continuing operations => income from continuing operations
loss from discontinued operations
loss from continuing operations
earnings per share
shr => earnings per share
net shr => earnings per share
dividend
dividends => dividend
market share
market value
market capitalization
valuation
gross merchandise volume
GMV => gross merchandise volume
users | unit=users
active users | unit=users
monthly active users | unit=users
daily active users | unit=users
customers | unit=customers
paying customers | unit=customers
members | unit=members
membership | unit=members
buyers | unit=buyers
subscribers | unit=subscribers
employees | unit=employees
staff | unit=employees
workers | unit=workers
orders | unit=orders
shipments | unit=shipments
deliveries | unit=deliveries
stores | unit=stores
backlog
capital expenditures
capital spending
investment
spending
costs
cash flow
free cash flow
assets
deposits
loans
debt
sales revenue => revenue
total revenue => revenue
total revenues => revenue
group net income => net income | per_share="earnings per share"
group sales => revenue
operating earnings | per_share="operating earnings per share"
net loss | per_share="loss per share"
earnings per share
loss per share
per share earnings => earnings per share
profit per share => earnings per share
profit per basic share => earnings per share
earnings per basic share => earnings per share
