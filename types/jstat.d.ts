// jstat ships no types: the few functions Forecast Desk uses.
declare module "jstat" {
  export const jStat: {
    beta: {
      inv(p: number, alpha: number, beta: number): number;
      cdf(x: number, alpha: number, beta: number): number;
    };
    studentt: {
      inv(p: number, dof: number): number;
      cdf(x: number, dof: number): number;
    };
  };
  const _default: { jStat: typeof jStat };
  export default _default;
}
