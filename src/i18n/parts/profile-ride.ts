/**
 * Messages for profile columns (客户档案) in grading and plans: numeric profile columns as grading
 * indicators, profile columns riding along in the action list's export, and buyers without a paid
 * order as potential customers. `zh` has exactly the keys of `en` (type-checked).
 */
const en = {
	'plan.noProfileColumn': 'Profile column “{column}” is not in the profile file. Its columns: {list}.',
	'plan.profileColumns': 'Profile columns in the export',
	'plan.profileColumnsHint': 'Chosen columns of the profile file (name, phone …) are added after the action list’s own columns; a customer without a profile gets empty cells.',
	'plan.profileColumnsNone': 'Load a customer profile file (Datasets tab) to add its columns (name, phone …) to the export.',
	'grade.profileIndicators': 'Numeric profile columns',
	'lifecycle.prospectsNote': '{count} buyers without a paid order (every order cancelled, closed, refunded or unpaid) are counted as potential customers from their first order on.'
};

const zh: Record<keyof typeof en, string> = {
	'plan.noProfileColumn': '客户档案中没有列“{column}”。档案的列有：{list}。',
	'plan.profileColumns': '随清单导出的档案列',
	'plan.profileColumnsHint': '所选的客户档案列（姓名、电话等）附在行动清单自身的列之后；没有档案的客户这些列为空。',
	'plan.profileColumnsNone': '在“数据集”页加载客户档案后，可把其中的列（姓名、电话等）加入导出。',
	'grade.profileIndicators': '档案中的数值列',
	'lifecycle.prospectsNote': '{count} 位买家没有已付款订单（订单均已取消、关闭、退款或未付款），自其首次下单起计为潜在客户。'
};

export const profileRideMessages = { en, zh };
