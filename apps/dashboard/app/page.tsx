import { redirect } from "next/navigation";

// Until projects exist, the System page is the useful place to land.
export default function Home(): never {
  redirect("/system");
}
