# Words that head a company name either way round: "Commerce Bank" is the
# Canadian Imperial Bank of Commerce named before it ("X Bank" for "... Bank
# of X"). Matching ignores case.
Bank
