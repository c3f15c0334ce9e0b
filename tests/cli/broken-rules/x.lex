red
foo => 
