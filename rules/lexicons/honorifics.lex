# Titles of address before a person's name.
Mr.
Mrs.
Ms.
Dr.
Prof.
Sir
Dame
Lord
Mr
Mrs
Ms
Dr
