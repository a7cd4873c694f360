print("history: being built")
