// The app was once five pages; it is one page now. A link or bookmark to an old page
// (`registre.html#/clients/12`) opens the same screen of the one page, without leaving the
// detour in the history.
location.replace("./" + location.hash);
