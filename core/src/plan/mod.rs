//! The action plan: actions, updates, evidence and their history.
