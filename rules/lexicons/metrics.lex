# Metric nouns. The canonical form is the metric's name ("variableMeasured");
# unit= is the unit text for counts that have no other unit.
revenue
revenues => revenue
revs => revenue
sales => revenue
same-store sales
comparable store sales => same-store sales
net sales => revenue
turnover => revenue
net income
income => net income
other income
interest income
net interest income
net profit => net income
profit => net income
profits => net income
pre-tax profit
pretax profit => pre-tax profit
operating profit
operating income
earnings => net income
net earnings => net income
net loss
loss
losses => loss
operating loss
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
group net income => net income
group sales => revenue
operating earnings
net loss
earnings per share
loss per share
per share earnings => earnings per share
profit per share => earnings per share
profit per basic share => earnings per share
earnings per basic share => earnings per share
