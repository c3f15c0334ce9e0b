# Legal-form suffixes of company names. They are dropped from organization
# slugs (IRIs) and when matching short forms of a name ("Northwind" for
# "Northwind Holdings Ltd."). Multi-word entries win over their parts.
#
# "=>" gives the one spelling an organization's name uses for its suffix,
# whatever the article wrote ("Acme Corp" and "Acme Corp." are both named
# "Acme Corp."), so that separate articles name a company alike and their
# graphs merge into one with a single schema:name per company.
# Entries without "=>" keep the article's spelling.
Inc. => Inc.
Inc => Inc.
Incorporated
Ltd. => Ltd.
Ltd => Ltd.
Limited
Holding Limited
Holdings Limited
Co. => Co.
Co => Co.
Company
Co. Ltd. => Co., Ltd.
Co., Ltd. => Co., Ltd.
Co Ltd => Co., Ltd.
Co Inc => Co. Inc.
Co. Inc. => Co. Inc.
and Co => and Co.
and Co. => and Co.
& Co. => & Co.
& Co => & Co.
Corp. => Corp.
Corp => Corp.
Corporation
Cos. => Cos.
Cos => Cos.
Companies
plc => plc
PLC => plc
LLC => LLC
L.L.C. => LLC
LLP => LLP
LP => L.P.
L.P. => L.P.
N.V. => N.V.
NV => N.V.
B.V. => B.V.
BV => B.V.
S.A. => S.A.
SA => S.A.
S.p.A. => S.p.A.
SpA => S.p.A.
AG => AG
GmbH => GmbH
SE => SE
AB => AB
ASA => ASA
A/S => A/S
Oyj => Oyj
KK => K.K.
K.K. => K.K.
Pty Ltd => Pty Ltd
Pty. Ltd. => Pty Ltd
Pte Ltd => Pte Ltd
Bhd => Bhd
Bhd. => Bhd
Berhad
Tbk => Tbk
