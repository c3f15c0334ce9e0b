# Words that end many organization names but are not the distinctive part of
# the name: "Northwind Holdings" is also called "Northwind".
Group
Holdings
Division
Holding
Corporation
Company
Companies
International
Industries
Enterprises
