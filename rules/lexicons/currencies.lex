# Currency signs, codes and words: currency= is the ISO 4217 code, the
# canonical form is the unit text, factor= scales minor units (cents).
# local=dollar marks a word that means the local dollar of the dateline's
# place when the place has one (places.lex: "Toronto | dollar=CAD"), else USD.
$ => dollars | currency=USD local=dollar
US$ => dollars | currency=USD
U.S.$ => dollars | currency=USD
dollar => dollars | currency=USD local=dollar
dollars | currency=USD local=dollar
dlr => dollars | currency=USD local=dollar
dlrs => dollars | currency=USD local=dollar
U.S. dollars => dollars | currency=USD
U.S. dlrs => dollars | currency=USD
U.S. dlr => dollars | currency=USD
USD | currency=USD
cent => cents | currency=USD factor=0.01 local=dollar
cents | currency=USD factor=0.01 local=dollar
ct => cents | currency=USD factor=0.01 local=dollar
cts => cents | currency=USD factor=0.01 local=dollar
HK$ => Hong Kong dollars | currency=HKD
Hong Kong dollars | currency=HKD
HKD | currency=HKD
C$ => Canadian dollars | currency=CAD
Canadian dollars | currency=CAD
Canadian dlrs => Canadian dollars | currency=CAD
Canadian dlr => Canadian dollars | currency=CAD
CAD | currency=CAD
A$ => Australian dollars | currency=AUD
Australian dollars | currency=AUD
Australian dlrs => Australian dollars | currency=AUD
Australian dlr => Australian dollars | currency=AUD
AUD | currency=AUD
S$ => Singapore dollars | currency=SGD
SGD | currency=SGD
NT$ => Taiwan dollars | currency=TWD
TWD | currency=TWD
¥ => yuan | currency=CNY
yuan | currency=CNY
renminbi => yuan | currency=CNY
RMB => yuan | currency=CNY
CNY => yuan | currency=CNY
yen | currency=JPY
JPY => yen | currency=JPY
€ => euros | currency=EUR
euro => euros | currency=EUR
euros | currency=EUR
EUR => euros | currency=EUR
£ => pounds | currency=GBP
pound => pounds | currency=GBP
pounds | currency=GBP
sterling => pounds | currency=GBP
stg => pounds | currency=GBP
GBP => pounds | currency=GBP
pence => pence | currency=GBP factor=0.01
p => pence | currency=GBP factor=0.01
marks => marks | currency=DEM
Deutsche marks => marks | currency=DEM
Swiss francs => Swiss francs | currency=CHF
CHF => Swiss francs | currency=CHF
francs => francs | currency=FRF
French francs => francs | currency=FRF
guilders => guilders | currency=NLG
lire => lire | currency=ITL
crowns => crowns | currency=SEK
Swedish crowns => crowns | currency=SEK
kronor => crowns | currency=SEK
won => won | currency=KRW
KRW => won | currency=KRW
rupees => rupees | currency=INR
INR => rupees | currency=INR
₹ => rupees | currency=INR
rubles => rubles | currency=RUB
reais => reais | currency=BRL
pesos => pesos | currency=MXN
ringgit => ringgit | currency=MYR
baht => baht | currency=THB
