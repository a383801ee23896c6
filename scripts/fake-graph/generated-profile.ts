// Instagram user profiles derived from the IGSID, so any customer id the app meets resolves to the
// same believable name every run without seeding.
import { createHash } from "node:crypto";

export interface InstagramProfile {
  id: string;
  name: string;
  username: string;
  profile_pic: string;
}

const firstNames = ["Ana", "João", "Maria", "Pedro", "Sofia", "Tiago", "Inês", "Rui", "Lena", "Marco", "Beatriz", "Diogo"];
const lastNames = ["Costa", "Silva", "Ferreira", "Santos", "Oliveira", "Pereira", "Almeida", "Rocha", "Martins", "Sousa"];

export function generateProfile(id: string, avatarBaseUrl: string): InstagramProfile {
  const hash = createHash("sha256").update(id).digest();
  const first = firstNames[hash[0] % firstNames.length];
  const last = lastNames[hash[1] % lastNames.length];
  const plain = (value: string) => value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return {
    id,
    name: `${first} ${last}`,
    username: `${plain(first)}.${plain(last)}${hash.readUInt16BE(2) % 100}`,
    profile_pic: `${avatarBaseUrl}/cdn/avatar/${id}.png`,
  };
}
