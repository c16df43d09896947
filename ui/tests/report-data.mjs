// Generated from the reference reports' expected extraction (tests/fixtures in the repo root), trimmed.
export const REPORTS = [
  {
    id: "rep-rutland-2011",
    kind: "safeguarding_and_looked_after_children",
    local_authority: "Rutland",
    inspection_start: "2011-10-03",
    inspection_end: "2011-10-14",
    published: "2011-11-18",
    lead_inspector: "Ian Young",
    judgements: [
      {
        section: "Safeguarding services",
        area: "Overall effectiveness",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Capacity for improvement",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Children and young people are safe and feel safe",
        grade: "Good",
      },
      {
        section: "Safeguarding services",
        area: "Quality of provision",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "The contribution of health agencies to keeping children and young people safe",
        grade: "Good",
      },
      {
        section: "Safeguarding services",
        area: "Ambition and prioritisation",
        grade: "Good",
      },
      {
        section: "Safeguarding services",
        area: "Leadership and management",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Performance management and quality assurance",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Partnership working",
        grade: "Good",
      },
      {
        section: "Safeguarding services",
        area: "Equality and diversity",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Overall effectiveness",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Capacity for improvement",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Being healthy",
        grade: "Outstanding",
      },
      {
        section: "Services for looked after children",
        area: "Staying safe",
        grade: "Outstanding",
      },
      {
        section: "Services for looked after children",
        area: "Enjoying and achieving",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Making a positive contribution, including user engagement",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Economic well-being",
        grade: "Outstanding",
      },
      {
        section: "Services for looked after children",
        area: "Quality of provision",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Ambition and prioritisation",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Leadership and management",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Performance management and quality assurance",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Equality and diversity",
        grade: "Good",
      },
    ],
    recommendations: [
      {
        section: "Safeguarding services",
        timeframe: "Immediately",
        text: "ensure that partners, including health services are routinely engaged in, and contribute to, assessments of children and their families",
      },
      {
        section: "Safeguarding services",
        timeframe: "Immediately",
        text: "ensure that only those cases with the most significant identified need proceed to core assessment.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "together with Leicester Partnership NHS Trust, ensure that children and their families have easy access to, and benefit from, timely support from CAMHS",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "ensure that all case recording is timely and improved to meet consistently high standards, so that it clearly identifies the nature and purpose of the work being undertaken and the achievement of outcomes",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "improve the quality of assessments, so that information is gathered effectively and analysed thoroughly",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "reduce the levels of re-referrals to the duty and assessment team by increasing and improving use of the CAF.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "ensure that its existing audit form is expanded to gather qualitative information",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "together with its partners in the Children's Trust, ensure that action plans are developed to drive forward the implementation of the existing commissioning and workforce strategies",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "together with its partners in the Children's Trust, ensure that a strategy and action plan is developed to define and deliver service user engagement and participation.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "together with its health partners, assess and report to the Children's Trust on the impact of health promotion activity in delivering improved outcomes for looked after children;",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "embed the system for monitoring educational performance of looked after children;",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "improve case recording so that there is clear evidence of multi-agency partnership working",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "improve the consistency of PEPs;",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "together with its partners in the Children's Trust, develop the role of the Children in Care Council as part of planned improvements in children's participation;",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "ensure the formal evaluation of external care placements as part of improved commissioning arrangements.",
      },
    ],
  },
  {
    id: "rep-derby-2011",
    kind: "safeguarding_and_looked_after_children",
    local_authority: "Derby",
    inspection_start: "2011-05-09",
    inspection_end: "2011-05-20",
    published: "2011-06-27",
    lead_inspector: "Pauline Turner",
    judgements: [
      {
        section: "Safeguarding services",
        area: "Overall effectiveness",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Capacity for improvement",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Children and young people are safe and feel safe",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Quality of provision",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "The contribution of health agencies to keeping children and young people safe",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Ambition and prioritisation",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Leadership and management",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Performance management and quality assurance",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Partnership working",
        grade: "Adequate",
      },
      {
        section: "Safeguarding services",
        area: "Equality and diversity",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Overall effectiveness",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Capacity for improvement",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Being healthy",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Staying safe",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Enjoying and achieving",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Making a positive contribution, including user engagement",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Economic well-being",
        grade: "Good",
      },
      {
        section: "Services for looked after children",
        area: "Quality of provision",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Ambition and prioritisation",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Leadership and management",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Performance management and quality assurance",
        grade: "Adequate",
      },
      {
        section: "Services for looked after children",
        area: "Equality and diversity",
        grade: "Adequate",
      },
    ],
    recommendations: [
      {
        section: "Safeguarding services",
        timeframe: "Immediately",
        text: "Develop and implement audit systems to systematically monitor the frequency and quality of child protection visits by social workers and the effectiveness of child protection core group meetings in progressing child protection plans. Auditing must ensure that full attention is given to assessing how well needs arising from a child's ethnicity and culture are being addressed.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Immediately",
        text: "Ensure that all children and young people who go missing from their own home have access to a return interview by a suitably designated and trained person.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Ensure that all child protection plans include defined outcomes and the roles and levels of support to be provided by relevant professionals and agencies.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Develop processes to collate information derived from quality audits of safeguarding practice for regular evaluation by senior managers, DSCB and elected members.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Ensure that all vulnerable children have timely access to appropriate school places.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Improve the consistency and comprehensiveness of the recording of the casework of the local authority designated officer (LADO) and ensure regular liaison between the LADO and the complaints service.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Audit children's cases where there is involvement of adult mental health services to ensure effective engagement and partnership working with plans in place to safeguard children.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Strengthen systems for Criminal Records Bureau (CRB) checks and reviews to ensure greater operational consistency and inclusion of all elected members who have contact with children.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within three months",
        text: "Ensure the development of local CAMHS Tier 4 beds for Derby City children and young people assessed as being in need of this service and ensure that such services are provided in an equitable and timely manner.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "Strengthen the arrangements for user engagement in child protection processes to ensure their views and experiences are sought in order to inform service delivery and development.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "In collaboration with corporate services ensure the electronic recording system is fit for purpose in supporting quality practice, enabling management oversight and collating data for audit purposes.",
      },
      {
        section: "Safeguarding services",
        timeframe: "Within six months",
        text: "Ensure that all partners are aware of their reporting responsibilities in regard to privately fostered children and young people.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Immediately",
        text: "Ensure that all statutory visits to looked after children and young people are recorded and carried out within expected timescales.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Immediately",
        text: "Ensure that ethnicity and culture are fully taken account of in assessments and in direct work with children.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Immediately",
        text: "Ensure that all foster carers receive appropriate health care information when children are newly placed in their care.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "Ensure robust and systematic auditing of the quality of practice and support to looked after children and young people, taking explicit account of the impact of ethnicity and culture, and that key issues arising from these are analysed and reported to senior managers and elected members.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "Establish a corporate parenting board and ensure that elected members have training on their corporate parenting responsibilities.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "Improve participation of all looked after children and young people in service planning.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "Ensure the independence of reviewing officers is in line with statutory regulations and guidance.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within three months",
        text: "NHS Derby City and Derby City Council must ensure that all care leavers, irrespective of when they leave care, are given a copy of their health history to ensure that they are able to make fully informed health life choices.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "Monitor access to services and outcomes for children and young people from minority groups.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "Improve the number of looked after children and young people in schools in their local communities and ensure that the need for children to have stability of education placements is given sufficient consideration when children and young people change placements.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "Develop a coherent strategy to ensure that looked after young people are placed appropriately without the need to utilise bed and breakfast accommodation.",
      },
      {
        section: "Services for looked after children",
        timeframe: "Within six months",
        text: "Ensure that social work capacity is improved to enable all looked after children to have a named qualified social worker.",
      },
    ],
  },
];
