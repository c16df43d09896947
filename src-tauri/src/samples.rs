//! The five reference reports, shipped inside the app for "Try the sample reports". They
//! are loaded into the user's database only when asked.

/// (file name as the user will see it, text).
pub const SAMPLES: [(&str, &str); 5] = [
    (
        "Rutland 2011 - safeguarding and looked after children (sample).txt",
        include_str!("../../tests/fixtures/000_e52ea3f525227045.txt"),
    ),
    (
        "Rutland 2024 - ILACS (sample).txt",
        include_str!("../../tests/fixtures/001_04efd66905547271.txt"),
    ),
    (
        "Rutland - joint area review (sample).txt",
        include_str!("../../tests/fixtures/002_6aeded920cdbecf5.txt"),
    ),
    (
        "Rutland 2011 - contact, referral and assessment (sample).txt",
        include_str!("../../tests/fixtures/003_58c395879ae4d1eb.txt"),
    ),
    (
        "Derby 2011 - safeguarding and looked after children (sample).txt",
        include_str!("../../tests/fixtures/004_68b5994d671394d9.txt"),
    ),
];

/// Samples that are files, not text: an area SEND report we wrote in the layout Ofsted and
/// CQC publish (tests/fixtures/send, made by scripts/sample-area-send-pdf.sh).
pub const SAMPLE_FILES: [(&str, &[u8]); 1] = [(
    "Kestrelford 2025 - area SEND (sample).pdf",
    include_bytes!("../../tests/fixtures/send/kestrelford-area-send.pdf"),
)];
