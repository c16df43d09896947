//! The board papers written: recorded so the next paper knows the previous one's date.

use chrono::NaiveDate;

use crate::store::paper_exports::insert_paper_export;
use crate::store::{now_utc, Store};
use crate::Result;

/// Record a paper in `format` as at `as_of`, written now by the person in the settings.
pub fn record_paper(store: &mut Store, format: &str, as_of: NaiveDate) -> Result<()> {
    let who = super::settings::load(store.conn())?.user_name;
    let tx = store.write()?;
    insert_paper_export(&tx, format, as_of, &who, &now_utc())?;
    tx.commit()?;
    Ok(())
}
