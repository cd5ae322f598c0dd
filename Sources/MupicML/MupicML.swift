// MupicML: the sentence encoder (all-MiniLM-L6-v2) and image models on OpenBLAS.
