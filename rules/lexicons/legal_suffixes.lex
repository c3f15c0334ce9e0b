# Legal-form suffixes of company names. They are dropped from organization
# slugs (IRIs) and when matching short forms of a name ("Northwind" for
# "Northwind Holdings Ltd."). Multi-word entries win over their parts.
Inc.
Inc
Incorporated
Ltd.
Ltd
Limited
Holding Limited
Holdings Limited
Co.
Co
Company
Co. Ltd.
Co., Ltd.
Co Ltd
Co Inc
Co. Inc.
and Co
and Co.
& Co.
& Co
Corp.
Corp
Corporation
Cos.
Cos
Companies
plc
PLC
LLC
L.L.C.
LLP
LP
L.P.
N.V.
NV
B.V.
BV
S.A.
SA
S.p.A.
SpA
AG
GmbH
SE
AB
ASA
A/S
Oyj
KK
K.K.
Pty Ltd
Pty. Ltd.
Pte Ltd
Bhd
Bhd.
Berhad
Tbk
