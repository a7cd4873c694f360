// The LMDB module: see README, Architecture.
