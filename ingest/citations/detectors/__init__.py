"""One module per citation form; each finds candidate markers in one unit."""
