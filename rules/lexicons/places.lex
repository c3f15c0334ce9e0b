# Places: countries, U.S. states, Canadian provinces and other large regions
# within countries, cities that appear in business news, and world regions.
# An arrow gives the canonical name of an abbreviation or variant. Names that are
# also everyday words, common surnames or company names (Reading, Mobile, Nice,
# Jordan, Chad, Santander) are left out on purpose.
# dollar= is what a bare "dollars" or "dlrs" means in a story datelined
# there (Reuters writes "dlrs" for Canadian dollars in a Toronto story).
@case-sensitive
@entity PLACE
Aarhus
Abidjan
Abu Dhabi
Abuja
Accra
Addis Ababa
Adelaide | dollar=AUD
Afghanistan
Africa
Ahmedabad
Ala. => Alabama
Alabama
Alaska
Albania
Albany
Alberta | dollar=CAD
Albuquerque
Algeria
Algiers
Almaty
Alsace
Alta. => Alberta | dollar=CAD
Amsterdam
Andalusia
Andhra Pradesh
Andorra
Angola
Anhui
Ankara
Ann Arbor
Antarctica
Antigua and Barbuda
Antwerp
APAC => Asia-Pacific
Arabian Peninsula
Arctic
Argentina
Ariz. => Arizona
Arizona
Ark. => Arkansas
Arkansas
Armenia
Armonk
Aruba
Asia
Asia Pacific
Asia-Pacific
Astana
Athens
Atlanta
Auckland | dollar=NZD
Austin
Australia | dollar=AUD
Austria
Azerbaijan
B.C. => British Columbia | dollar=CAD
Baden-Wuerttemberg
Baden-Württemberg => Baden-Wuerttemberg
Bahamas
Bahrain
Baku
Bali
Balkans
Baltic Sea
Baltic states => Baltics
Baltics
Baltimore
Bangalore
Bangkok
Bangladesh
Barbados
Barcelona
Basel
Basque Country
Baton Rouge
Bavaria
Bay Area
Beijing
Belarus
Belfast
Belgium
Belgrade
Belize
Belo Horizonte
Benelux
Bengaluru
Benin
Bentonville
Bergen
Berlin
Bermuda
Bern
Bhutan
Bilbao
Birmingham
Black Sea
Boca Raton
Bogota
Bogotá => Bogota
Boise
Bolivia
Bologna
Bombay => Mumbai
Bordeaux
Borneo
Bosnia
Bosnia and Herzegovina
Bosnia-Herzegovina => Bosnia and Herzegovina
Boston
Botswana
Brasilia
Brasília => Brasilia
Bratislava
Brazil
Bremen
Brisbane | dollar=AUD
Britain => United Kingdom
British Columbia | dollar=CAD
British Virgin Islands
Brunei
Brussels
Bucharest
Budapest
Buenos Aires
Buffalo
Bulgaria
Burbank
Burkina Faso
Burma => Myanmar
Burundi
Busan
Cabo Verde => Cape Verde
Cairo
Calcutta => Kolkata
Calgary | dollar=CAD
Calif. => California
California
Cambodia
Cambridge
Cameroon
Canada | dollar=CAD
Canberra | dollar=AUD
Cannes
Cape Town
Cape Verde
Caracas
Cardiff
Caribbean
Casablanca
Catalonia
Cayman Islands
Central African Republic
Central America
Central Asia
Central Europe
Changchun
Changsha
Channel Islands
Charleston
Charlotte
Chengdu
Chennai
Chicago
Chile
China
Chongqing
Christchurch
Cincinnati
Cleveland
Colo. => Colorado
Cologne
Colombia
Colombo
Colorado
Columbus
Comoros
Congo
Conn. => Connecticut
Connecticut
Copenhagen
Corsica
Costa Rica
Cote d'Ivoire => Ivory Coast
Côte d'Ivoire => Ivory Coast
Crimea
Croatia
Cuba
Cupertino
Curacao
Curaçao => Curacao
Cyprus
Czech Republic
Czechia => Czech Republic
D.C. => Washington, D.C.
Dakar
Dalian
Dallas
Dar es Salaam
Davos
Del. => Delaware
Delaware
Delhi
Democratic Republic of Congo => Democratic Republic of the Congo
Democratic Republic of the Congo
Denmark
Denver
Des Moines
Detroit
Dhaka
District of Columbia
Djibouti
Doha
Dominica
Dominican Republic
Dongguan
DRC => Democratic Republic of the Congo
Dresden
Dubai
Dublin
Durban
Dusseldorf
Düsseldorf => Dusseldorf
East Africa
East Asia
East China Sea
East Timor => Timor-Leste
Eastern Europe
Ecuador
Edinburgh
Edmonton | dollar=CAD
Egypt
Eindhoven
El Paso
El Salvador
England
Equatorial Guinea
Eritrea
Eschborn
Estonia
Eswatini
Ethiopia
Eurasia
euro area => eurozone
euro zone => eurozone
Europe
eurozone
Faroe Islands
Fiji
Finland
Fla. => Florida
Flanders
Florence
Florida
Fort Lauderdale
Fort Worth
Foshan
France
Frankfurt
Frankfurt am Main => Frankfurt
Fujian
Fukuoka
Fuzhou
Ga. => Georgia
Gabon
Gambia
Gansu
Gaza
Gaza Strip
Gdansk
Gdańsk => Gdansk
Geneva
Genoa
Georgia
Germany
Ghana
Gibraltar
Glasgow
Göteborg => Gothenburg
Gothenburg
Grand Rapids
Great Britain => United Kingdom
Greater Bay Area
Greater China
Greece
Greenland
Greenwich
Grenada
Guadalajara
Guam
Guangdong
Guangxi
Guangzhou
Guatemala
Guatemala City
Guernsey
Guinea
Guinea-Bissau
Guizhou
Gujarat
Gulf Coast
Gulf of Mexico
Gurgaon
Gurugram
Guyana
Hainan
Haiti
Hamburg
Hangzhou
Hanoi
Hanover
Harare
Harbin
Hartford
Havana
Hawaii
Hebei
Hefei
Heilongjiang
Helsinki
Henan
Ho Chi Minh City
Hokkaido
Honduras
Hong Kong
Honolulu
Honshu
Horn of Africa
Houston
Hsinchu
Hubei
Hunan
Hungary
Hyderabad
Iberian Peninsula
Iceland
Idaho
Illinois
Incheon
Ind. => Indiana
India
Indiana
Indianapolis
Indo-Pacific
Indonesia
Ingolstadt
Inner Mongolia
Iowa
Iran
Iraq
Ireland
Irvine
Islamabad
Isle of Man
Israel
Istanbul
Italy
Ivory Coast
Izmir
Jacksonville
Jakarta
Jamaica
Japan
Jeddah
Jersey City
Jerusalem
Jiangsu
Jiangxi
Jilin
Jinan
Johannesburg
Kampala
Kan. => Kansas
Kansas
Kansas City
Kaohsiung
Karachi
Karnataka
Kashmir
Kathmandu
Kazakhstan
Kentucky
Kenya
Kerala
Khartoum
Kiev => Kyiv
Kigali
Kingston
Kinshasa
Kiribati
Kobe
Kolkata
Köln => Cologne
Korea
Korean Peninsula
Kosovo
Krakow
Kraków => Krakow
Kuala Lumpur
Kunming
Kurdistan
Kuwait
Kuwait City
Ky. => Kentucky
Kyiv
Kyoto
Kyrgyz Republic => Kyrgyzstan
Kyrgyzstan
Kyushu
La. => Louisiana
Lagos
Lahore
Laos
Las Vegas
LatAm => Latin America
Latin America
Latvia
Lausanne
Lebanon
Leeds
Leipzig
Lesotho
Levant
Liaoning
Liberia
Libya
Liechtenstein
Lille
Lima
Limassol
Lisboa => Lisbon
Lisbon
Lithuania
Little Rock
Liverpool
Ljubljana
Lombardy
London
Long Beach
Los Angeles
Louisiana
Louisville
Lower Saxony
Luanda
Lugano
Lusaka
Luxembourg
Luxembourg City
Luzon
Lyon
Macao => Macau
Macau
Macedonia => North Macedonia
Madagascar
Madrid
Maghreb
Maharashtra
Maine
mainland China => China
Malawi
Malaysia
Maldives
Mali
Malmo
Malmö => Malmo
Malta
Manama
Manchester
Manila
Manitoba | dollar=CAD
Maputo
Marseille
Marshall Islands
Maryland
Massachusetts
Mauritania
Mauritius
Md. => Maryland
Medellin
Medellín => Medellin
Mediterranean
Melbourne | dollar=AUD
Memphis
Menlo Park
Mexico
Mexico City
Miami
Mich. => Michigan
Michigan
Micronesia
Middle East
Mideast => Middle East
Midwest
Milan
Milwaukee
Mindanao
Minn. => Minnesota
Minneapolis
Minnesota
Minsk
Mississauga
Mississippi
Missouri
Mo. => Missouri
Moldova
Monaco
Mongolia
Mont. => Montana
Montana
Monte Carlo
Montenegro
Monterrey
Montevideo
Montreal | dollar=CAD
Montréal => Montreal
Morocco
Moscow
Mountain View
Mozambique
Mumbai
München => Munich
Munich
Muscat
Myanmar
N.C. => North Carolina
N.D. => North Dakota
N.H. => New Hampshire
N.J. => New Jersey
N.M. => New Mexico
N.Y. => New York
Nagoya
Nairobi
Namibia
Nanjing
Naples
Nashville
Nauru
Neb. => Nebraska
Nebraska
Nepal
Netherlands
Nev. => Nevada
Nevada
New Brunswick | dollar=CAD
New Delhi
New England
New Hampshire
New Jersey
New Mexico
New Orleans
New South Wales
New York
New York City
New Zealand | dollar=NZD
Newark
Newfoundland | dollar=CAD
Newfoundland and Labrador | dollar=CAD
Nicaragua
Nicosia
Niger
Nigeria
Ningbo
Ningxia
Noida
Nordic countries => Nordics
Nordics
North Africa
North America
North Carolina
North Dakota
North Korea
North Macedonia
North Rhine-Westphalia
North Sea
Northern Ireland
Northwest Territories
Norway
Nova Scotia | dollar=CAD
Nunavut
Nur-Sultan => Astana
Nuremberg
Nürnberg => Nuremberg
NYC => New York City
Oakland
Oceania
Odisha
Ohio
Okinawa
Okla. => Oklahoma
Oklahoma
Oklahoma City
Omaha
Oman
Ont. => Ontario | dollar=CAD
Ontario | dollar=CAD
Oregon
Orlando
Osaka
Oslo
Ottawa | dollar=CAD
Pa. => Pennsylvania
Pacific Northwest
Pakistan
Palau
Palestine
Palestinian territories => Palestine
Palo Alto
Panama
Panama Canal
Panama City
Papua New Guinea
Paraguay
Paris
Pearl River Delta
Peking => Beijing
Penn. => Pennsylvania
Pennsylvania
People's Republic of China => China
Permian Basin
Persian Gulf
Perth | dollar=AUD
Peru
Philadelphia
Philippines
Phnom Penh
Phoenix
Pittsburgh
Poland
Portland
Porto
Portugal
Prague
Pretoria
Prince Edward Island
Princeton
Puerto Rico
Pune
Punjab
Qatar
Qingdao
Qinghai
Que. => Quebec | dollar=CAD
Quebec | dollar=CAD
Québec => Quebec
Quebec City | dollar=CAD
Queensland
Quito
R.I. => Rhode Island
Rajasthan
Raleigh
Rangoon => Yangon
Red Sea
Redmond
Redwood City
Republic of Congo
Republic of Korea => South Korea
Reykjavik
Reykjavík => Reykjavik
Rhode Island
Richmond
Riga
Rio de Janeiro
Riyadh
Rochester
Romania
Rome
Rotterdam
Russia
Russian Federation => Russia
Rust Belt
Rwanda
S.C. => South Carolina
S.D. => South Dakota
Sacramento
Sahel
Saigon => Ho Chi Minh City
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Salt Lake City
Samoa
San Antonio
San Diego
San Francisco
San Jose
San Juan
San Marino
Santa Clara
Santiago
Santo Domingo
Sao Paulo
São Paulo => Sao Paulo
Sao Tome and Principe
Sapporo
Sarajevo
Sardinia
Saskatchewan | dollar=CAD
Saudi Arabia
Savannah
Saxony
Scandinavia
Scotland
Scottsdale
Seattle
Senegal
Seoul
Serbia
Seville
Seychelles
Shaanxi
Shandong
Shanghai
Shanxi
Shenyang
Shenzhen
Siberia
Sichuan
Sicily
Sierra Leone
Silicon Valley
Singapore
Slovak Republic => Slovakia
Slovakia
Slovenia
Sofia
Solomon Islands
Somalia
South Africa
South America
South Asia
South Australia
South Carolina
South China Sea
South Dakota
South Korea
South Sudan
Southeast Asia
Southern Africa
Spain
Spokane
Sri Lanka
St. Kitts and Nevis => Saint Kitts and Nevis
St. Louis
St. Lucia => Saint Lucia
St. Paul
St. Petersburg
St. Vincent and the Grenadines => Saint Vincent and the Grenadines
Stamford
Stavanger
Stockholm
Strait of Hormuz
Strasbourg
Stuttgart
Sub-Saharan Africa
Sudan
Suez Canal
Sumatra
Sun Belt
Sunnyvale
Suriname
Suzhou
Swaziland => Eswatini
Sweden
Switzerland
Sydney | dollar=AUD
Syria
Taipei
Taiwan
Taiwan Strait
Tajikistan
Tallinn
Tamil Nadu
Tampa
Tanzania
Tashkent
Tasmania
Tbilisi
Tel Aviv
Telangana
Tenn. => Tennessee
Tennessee
Tex. => Texas
Texas
Thailand
The Hague
Thessaloniki
Tianjin
Tibet
Tijuana
Timor-Leste
Togo
Tokyo
Tonga
Toronto | dollar=CAD
Toulouse
Trinidad => Trinidad and Tobago
Trinidad and Tobago
Tripoli
Tucson
Tulsa
Tunis
Tunisia
Turin
Turkey
Turkiye => Turkey
Türkiye => Turkey
Turkmenistan
Tuscany
Tuvalu
U.A.E. => United Arab Emirates
U.K. => United Kingdom
U.S. => United States
U.S.A. => United States
UAE => United Arab Emirates
Uganda
UK => United Kingdom
Ukraine
Ulaanbaatar
United Arab Emirates
United Kingdom
United States
United States of America
Uruguay
USA => United States
Utah
Uttar Pradesh
Uzbekistan
Va. => Virginia
Valencia
Valletta
Vancouver | dollar=CAD
Vanuatu
Vatican => Vatican City
Vatican City
Venezuela
Venice
Vermont
Victoria
Vienna
Viet Nam => Vietnam
Vietnam
Vilnius
Virginia
Vt. => Vermont
W.Va. => West Virginia
Wales
Walldorf
Wallonia
Warsaw
Washington
Washington, D.C.
Wellington | dollar=NZD
West Africa
West Bank
West Bengal
West Virginia
Western Australia
Western Europe
Western Sahara
Wilmington
Winnipeg | dollar=CAD
Wis. => Wisconsin
Wisconsin
Wolfsburg
Wroclaw
Wrocław => Wroclaw
Wuhan
Wuxi
Wyo. => Wyoming
Wyoming
Xi'an
Xiamen
Xian => Xi'an
Xinjiang
Yangon
Yangtze River Delta
Yemen
Yerevan
Yokohama
Yukon
Yunnan
Zagreb
Zambia
Zhejiang
Zhengzhou
Zhuhai
Zimbabwe
Zug
Zurich
Zürich => Zurich
Mass. => Massachusetts
Ill. => Illinois
Wash. => Washington
Ore. => Oregon
Miss. => Mississippi
