import { redirect } from "next/navigation";

// Projects are where people work; the System page is one click away in the header.
export default function Home(): never {
  redirect("/projects");
}
