/** A short report about water and conflict, used by the discussion and live specs. */
export const WATER_REPORT = [
  "# Water and conflict",
  "",
  "Rainfall in the basin fell by a third between 2000 and 2020, according to the ministry.",
  "",
  "Upstream dams reduced the river's flow further, although no independent measurements exist.",
  "",
  "Farmers in the south left their land in large numbers after 2015.",
].join("\n");
