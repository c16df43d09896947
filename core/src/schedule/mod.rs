//! Every date rule in one home: due dates, working days, RAG, the next inspection.
