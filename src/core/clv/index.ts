/** CLV model core: data preparation, BG/NBD, Gamma-Gamma and CLV. See README.md. */
export { prepareRfm, UNIT_DAYS } from './prepare.ts';
export type {
	CustomerSummary,
	PreparedData,
	PrepareOptions,
	TimeUnit,
	Transaction
} from './prepare.ts';
export { checkRfmInput, groupRfm } from './rfm-groups.ts';
export type { RfmGroups, RfmInput } from './rfm-groups.ts';
export {
	BGNBD_FIT_DEFAULTS,
	BGNBD_MIN_CUSTOMERS,
	bgnbdLogLikelihood,
	bgnbdTotalLogLikelihood,
	checkBgNbdParams,
	fitBgNbd
} from './bgnbd.ts';
export type { BgNbdFit, BgNbdFitOptions, BgNbdParams } from './bgnbd.ts';
export {
	bgnbdExpectedPurchases,
	bgnbdProbabilityAlive,
	bgnbdPurchaseProbability,
	bgnbdUnconditionalExpected
} from './bgnbd-predict.ts';
export {
	GAMMA_GAMMA_FIT_DEFAULTS,
	GAMMA_GAMMA_MIN_CUSTOMERS,
	checkGammaGammaParams,
	fitGammaGamma,
	gammaGammaExpectedSpend,
	gammaGammaLogLikelihood,
	spendFrequencyCorrelation
} from './gamma-gamma.ts';
export type {
	GammaGammaFit,
	GammaGammaFitOptions,
	GammaGammaParams,
	SpendInput
} from './gamma-gamma.ts';
export { CLV_DEFAULTS, DAYS_PER_MONTH, customerLifetimeValues, unitsPerMonth } from './clv.ts';
export type { ClvInput, ClvOptions, CustomerValue } from './clv.ts';
export {
	NELDER_MEAD_DEFAULTS,
	minimizeFromStarts,
	minimizeStaged,
	nelderMead
} from './optimize.ts';
export type {
	FitWarning,
	MinimizeResult,
	NelderMeadOptions,
	StagedMinimizeOptions
} from './optimize.ts';
export { hyp2f1, hyp2f1WithComplement, lnBeta, lnGamma, logAddExp, logSumExp } from './special.ts';
