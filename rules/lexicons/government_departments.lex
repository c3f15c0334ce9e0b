# Government departments that head a minister's title ("Defense Secretary
# Caspar Weinberger", "Trade Minister Kari Lund"): not companies.
Defense
Defence
Commerce
Treasury
State
Labor
Labour
Energy
Interior
Justice
Agriculture
Transportation
Education
Health
Trade
Finance
Foreign
Home
