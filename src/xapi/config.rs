//! Where the learning records go: the `[lrs]` table of `$XDG_CONFIG_HOME/kurs/config.toml`,
//! with `KURS_LRS_ENDPOINT`, `KURS_LRS_USERNAME` and `KURS_LRS_PASSWORD` over it. The command
//! line reads the file and the environment and hands both in as values; every bad setting is
//! one sentence that names it.

/// The LRS as configured, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lrs {
    /// The xAPI endpoint, ending in `/` (`statements` is appended).
    pub endpoint: String,
    pub username: Option<String>,
    pub password: Option<Password>,
    /// The `homePage` of the learner's account: the organisation's site.
    pub homepage: String,
    /// The learner's id at the organisation; else the installation's random one.
    pub learner_id: Option<String>,
    /// Whether the name from the profile goes with the records.
    pub share_name: bool,
}

/// The password, as given or as a command that prints it (run by the command line).
#[derive(Clone, PartialEq, Eq)]
pub enum Password {
    Given(String),
    Command(String),
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Password::Given(_) => f.write_str("Password::Given(…)"),
            Password::Command(command) => write!(f, "Password::Command({command:?})"),
        }
    }
}

/// The settings from the environment, which win over the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overrides {
    pub endpoint: Option<String>,
    pub username: Option<String>,
    pub password: Option<String>,
}

/// The settings of the file and the environment together; `Ok(None)` when no LRS is configured
/// (no `[lrs]` endpoint and no `KURS_LRS_ENDPOINT`). `file` is the file's text and where it is.
pub fn resolve(file: Option<(&str, &str)>, env: &Overrides) -> Result<Option<Lrs>, Vec<String>> {
    let mut problems = Vec::new();
    let mut from_file = FileLrs::default();
    if let Some((text, place)) = file {
        match read_file(text, place) {
            Ok(lrs) => from_file = lrs,
            Err(mut found) => problems.append(&mut found),
        }
    }
    let endpoint = env.endpoint.clone().or(from_file.endpoint);
    let Some(endpoint) = endpoint else {
        if from_file.any {
            problems.push(
                "[lrs] endpoint is missing: set it to the xAPI endpoint of the LRS, such as https://lrs.example.org/xapi/"
                    .to_string(),
            );
        }
        return if problems.is_empty() {
            Ok(None)
        } else {
            Err(problems)
        };
    };
    let source = if env.endpoint.is_some() {
        "KURS_LRS_ENDPOINT"
    } else {
        "[lrs] endpoint"
    };
    let (endpoint, origin) = match check_endpoint(&endpoint) {
        Ok(checked) => checked,
        Err(why) => {
            problems.push(format!("{source} `{endpoint}` {why}"));
            (String::new(), String::new())
        }
    };
    let username = env.username.clone().or(from_file.username);
    let password = env
        .password
        .clone()
        .map(Password::Given)
        .or(from_file.password);
    if username.is_some() != password.is_some() {
        problems.push(if username.is_some() {
            "the LRS username is set but no password: set [lrs] password or password_command, or KURS_LRS_PASSWORD".to_string()
        } else {
            "the LRS password is set but no username: set [lrs] username or KURS_LRS_USERNAME"
                .to_string()
        });
    }
    let homepage = from_file.homepage.unwrap_or(origin);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Some(Lrs {
        endpoint,
        username,
        password,
        homepage,
        learner_id: from_file.learner_id,
        share_name: from_file.share_name,
    }))
}

#[derive(Default)]
struct FileLrs {
    /// Whether the file has an `[lrs]` table at all.
    any: bool,
    endpoint: Option<String>,
    username: Option<String>,
    password: Option<Password>,
    homepage: Option<String>,
    learner_id: Option<String>,
    share_name: bool,
}

fn read_file(text: &str, place: &str) -> Result<FileLrs, Vec<String>> {
    let table: toml::Table = text.parse().map_err(|error: toml::de::Error| {
        vec![format!(
            "{place} is not valid TOML: {}",
            crate::safe_text::single_line(error.message())
        )]
    })?;
    let mut lrs = FileLrs::default();
    let Some(section) = table.get("lrs") else {
        return Ok(lrs);
    };
    let Some(section) = section.as_table() else {
        return Err(vec![format!("{place}: lrs must be a table, [lrs]")]);
    };
    lrs.any = true;
    let mut problems = Vec::new();
    let text = |key: &str, problems: &mut Vec<String>| match section.get(key) {
        None => None,
        Some(toml::Value::String(value)) if !value.trim().is_empty() => {
            Some(value.trim().to_string())
        }
        Some(_) => {
            problems.push(format!(
                "{place}: [lrs] {key} must be a text that is not empty"
            ));
            None
        }
    };
    lrs.endpoint = text("endpoint", &mut problems);
    lrs.username = text("username", &mut problems);
    let password = text("password", &mut problems);
    let command = text("password_command", &mut problems);
    lrs.password = match (password, command) {
        (Some(_), Some(_)) => {
            problems.push(format!(
                "{place}: [lrs] has both password and password_command; keep one"
            ));
            None
        }
        (Some(password), None) => Some(Password::Given(password)),
        (None, Some(command)) => Some(Password::Command(command)),
        (None, None) => None,
    };
    lrs.homepage = text("homepage", &mut problems);
    if let Some(homepage) = &lrs.homepage
        && !super::check::is_iri(homepage)
    {
        problems.push(format!(
            "{place}: [lrs] homepage `{homepage}` is not an address with a scheme, such as https://lernen.example.org"
        ));
    }
    lrs.learner_id = text("learner_id", &mut problems);
    lrs.share_name = match section.get("share_name") {
        None => false,
        Some(toml::Value::Boolean(share)) => *share,
        Some(_) => {
            problems.push(format!("{place}: [lrs] share_name must be true or false"));
            false
        }
    };
    let known = [
        "endpoint",
        "username",
        "password",
        "password_command",
        "homepage",
        "learner_id",
        "share_name",
    ];
    for key in section.keys() {
        if !known.contains(&key.as_str()) {
            problems.push(format!(
                "{place}: [lrs] {} is not a setting kurs knows; it knows {}",
                crate::safe_text::single_line(key),
                known.join(", ")
            ));
        }
    }
    if problems.is_empty() {
        Ok(lrs)
    } else {
        Err(problems)
    }
}

/// The origin of a checked endpoint: `https://host:port`, everything before the path.
pub fn origin(endpoint: &str) -> &str {
    let start = endpoint.find("://").map_or(0, |i| i + 3);
    let end = endpoint[start..]
        .find('/')
        .map_or(endpoint.len(), |i| start + i);
    &endpoint[..end]
}

/// The endpoint with a trailing `/`, and its origin (`https://host:port`, the default home
/// page); Err says why it cannot be used.
fn check_endpoint(endpoint: &str) -> Result<(String, String), &'static str> {
    let (scheme, rest) = endpoint
        .split_once("://")
        .ok_or("is not an http or https address")?;
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host_port
        .rsplit_once('@')
        .map_or(host_port, |(_, host)| host);
    if host.is_empty() || endpoint.contains(char::is_whitespace) {
        return Err("has no host");
    }
    if rest.contains('?') || rest.contains('#') {
        return Err("must not have a query or fragment");
    }
    if host_port.contains('@') {
        return Err("must not hold the username or password; set them apart");
    }
    let name = host.strip_prefix('[').map_or_else(
        || host.rsplit_once(':').map_or(host, |(h, _)| h),
        |v6| v6.split(']').next().unwrap_or_default(),
    );
    let loopback = matches!(name, "localhost" | "127.0.0.1" | "::1");
    match scheme.to_ascii_lowercase().as_str() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(
                "would send the password unencrypted; use https (http only for localhost or 127.0.0.1)",
            );
        }
        _ => return Err("is not an http or https address"),
    }
    let mut endpoint = endpoint.to_string();
    if !endpoint.ends_with('/') {
        endpoint.push('/');
    }
    Ok((
        endpoint,
        format!("{}://{host}", scheme.to_ascii_lowercase()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACE: &str = "/home/a/.config/kurs/config.toml";

    fn file(text: &str) -> Result<Option<Lrs>, Vec<String>> {
        resolve(Some((text, PLACE)), &Overrides::default())
    }

    #[test]
    fn without_an_endpoint_nothing_is_sent() {
        assert_eq!(file("").unwrap(), None);
        assert_eq!(resolve(None, &Overrides::default()).unwrap(), None);
    }

    #[test]
    fn the_file_gives_every_setting() {
        let lrs = file(
            "[lrs]\nendpoint = \"https://lrs.example.org/xapi\"\nusername = \"kurs\"\npassword_command = \"pass lrs\"\nhomepage = \"https://schule.example.org\"\nlearner_id = \"anna.k\"\nshare_name = true\n",
        )
        .unwrap()
        .unwrap();
        assert_eq!(lrs.endpoint, "https://lrs.example.org/xapi/");
        assert_eq!(lrs.password, Some(Password::Command("pass lrs".into())));
        assert_eq!(lrs.homepage, "https://schule.example.org");
        assert_eq!(lrs.learner_id.as_deref(), Some("anna.k"));
        assert!(lrs.share_name);
    }

    #[test]
    fn the_environment_wins_over_the_file_and_the_home_page_defaults_to_the_endpoints_site() {
        let env = Overrides {
            endpoint: Some("http://127.0.0.1:8100/xAPI/".into()),
            username: Some("ci".into()),
            password: Some("secret".into()),
        };
        let text = "[lrs]\nendpoint = \"https://lrs.example.org/xapi/\"\n";
        let lrs = resolve(Some((text, PLACE)), &env).unwrap().unwrap();
        assert_eq!(lrs.endpoint, "http://127.0.0.1:8100/xAPI/");
        assert_eq!(lrs.username.as_deref(), Some("ci"));
        assert_eq!(lrs.password, Some(Password::Given("secret".into())));
        assert_eq!(lrs.homepage, "http://127.0.0.1:8100");
    }

    #[test]
    fn each_bad_setting_is_one_sentence_naming_it() {
        let problems = file(
            "[lrs]\nendpoint = \"http://lrs.example.org/xapi\"\nusername = \"kurs\"\nshare_name = \"yes\"\npasswort = \"x\"\n",
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                format!("{PLACE}: [lrs] share_name must be true or false"),
                format!(
                    "{PLACE}: [lrs] passwort is not a setting kurs knows; it knows endpoint, username, password, password_command, homepage, learner_id, share_name"
                ),
            ]
        );
        let problems =
            file("[lrs]\nendpoint = \"http://lrs.example.org/xapi\"\nusername = \"kurs\"\n")
                .unwrap_err();
        assert_eq!(
            problems,
            [
                "[lrs] endpoint `http://lrs.example.org/xapi` would send the password unencrypted; use https (http only for localhost or 127.0.0.1)".to_string(),
                "the LRS username is set but no password: set [lrs] password or password_command, or KURS_LRS_PASSWORD".to_string(),
            ]
        );
    }

    #[test]
    fn the_origin_is_the_endpoint_without_its_path() {
        assert_eq!(
            origin("http://127.0.0.1:8100/xAPI/"),
            "http://127.0.0.1:8100"
        );
        assert_eq!(
            origin("https://lrs.example.org/"),
            "https://lrs.example.org"
        );
        assert_eq!(origin("https://[::1]:9/a/b/"), "https://[::1]:9");
    }

    #[test]
    fn an_endpoint_from_the_environment_is_named_as_such() {
        let env = Overrides {
            endpoint: Some("lrs.example.org".into()),
            ..Overrides::default()
        };
        assert_eq!(
            resolve(None, &env).unwrap_err(),
            ["KURS_LRS_ENDPOINT `lrs.example.org` is not an http or https address"]
        );
    }

    #[test]
    fn a_table_without_an_endpoint_says_what_to_set() {
        assert_eq!(
            file("[lrs]\nshare_name = false\n").unwrap_err(),
            [
                "[lrs] endpoint is missing: set it to the xAPI endpoint of the LRS, such as https://lrs.example.org/xapi/"
            ]
        );
    }
}
