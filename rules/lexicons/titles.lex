# Job titles. Each becomes a ROLE; the name of the role node is the canonical
# form after "=>", or the entry as written here.
@entity ROLE
Chief Executive Officer
chief executive => Chief Executive Officer
CEO => Chief Executive Officer
C.E.O. => Chief Executive Officer
Chief Financial Officer
CFO => Chief Financial Officer
chief financial => Chief Financial Officer
finance director => Chief Financial Officer
financial director => Chief Financial Officer
Chief Operating Officer
COO => Chief Operating Officer
Chief Technology Officer
CTO => Chief Technology Officer
Chief Information Officer
CIO => Chief Information Officer
Chief Marketing Officer
CMO => Chief Marketing Officer
Chief Investment Officer
Chief Legal Officer
Chief Strategy Officer
Chief People Officer
Chief Risk Officer
Chief Accounting Officer
Chief Chief Scientist
Chief Counsel
General Counsel
Chairman
Chairwoman => Chairman
Chairperson => Chairman
chair => Chairman
Chairman of the Board => Chairman
chairman-elect => Chairman
president-elect => President
Vice Chairman
vice-chairman => Vice Chairman
Deputy Chairman
President
Vice President
vice-president => Vice President
Executive Vice President
executive vice-president => Executive Vice President
Senior Vice President
senior vice-president => Senior Vice President
Group Vice President
Managing Director
Executive Director
Non-Executive Director
Director
Board Member => Director
Treasurer
Controller
Comptroller
Secretary
Corporate Secretary
Chief
Head
Partner
Managing Partner
General Partner
General Manager
Area Manager
Regional Manager
Branch Manager
Country Manager
District Manager
Plant Manager
Manager
Founder
Co-Founder
Cofounder => Co-Founder
Owner
Principal
Executive Officer
Executive Committee Member
Board Of Directors Member => Director
Trustee
Governor
Chancellor
Minister
Secretary-General
Spokesman
Spokeswoman => Spokesman
Spokesperson => Spokesman
Commissioner
