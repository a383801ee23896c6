/** The team settings' values and choices, without the database: the settings card imports these in the browser. */

export const AGENT_VISIBILITIES = ["ALL", "OWN_AND_UNASSIGNED"] as const;
export type AgentVisibility = (typeof AGENT_VISIBILITIES)[number];

export interface TeamSettingsValues {
  agentVisibility: AgentVisibility;
  defaultCurrency: string;
}
