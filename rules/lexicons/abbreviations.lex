# Abbreviations that keep their period as part of the token. Entries marked
# final=yes may also end a sentence ("... acquired Foo Inc. The company ...").
Inc. | final=yes
Ltd. | final=yes
Co. | final=yes
Corp. | final=yes
Cos. | final=yes
Bhd. | final=yes
Plc. | final=yes
Mr.
Mrs.
Ms.
Dr.
Prof.
Sr.
Jr. | final=yes
St.
Gen.
Sen.
Rep.
Gov.
No.
Nos.
vs.
etc. | final=yes
approx.
est.
dept.
Jan.
Feb.
Mar.
Apr.
Jun.
Jul.
Aug.
Sep.
Sept.
Oct.
Nov.
Dec.
Mon.
Tue.
Tues.
Wed.
Thu.
Thur.
Thurs.
Fri.
Sat.
Sun.
Ala.
Ariz.
Ark.
Calif.
Colo.
Conn.
Del.
Fla.
Ga.
Ill.
Ind.
Kan.
Ky.
La.
Md.
Mass.
Mich.
Minn.
Miss.
Mo.
Mont.
Neb.
Nev.
Okla.
Ore.
Pa.
Penn.
Tenn.
Tex.
Va.
Vt.
Wash.
Wis.
Wyo.
Ont.
Que.
Alta.
Bros.
Mfg.
Intl.
Natl.
Assn.
Ave.
Blvd.
