import type { RegistryParkFields } from "@/lib/ingest";

// What an edition does to the zone registry, as the edition page shows it:
// shared by the server code that reads it and the component that draws it.

export type TParkField = keyof RegistryParkFields;

export interface TParkChangeView {
  slug: string;
  kind: "ADD" | "UPDATE";
  nameZh: string;
  nameEn: string | null;
  sheet: string | null;
  row: number | null;
  /** Each field the edition sets: its value before (null for a zone it adds) and after. */
  fields: { field: TParkField; old: string | number | null; new: string | number | null }[];
  /** A draft's zone to add is in the registry already (another edition brought it in since). */
  isInRegistry: boolean;
}
